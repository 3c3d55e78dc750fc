/** A plan's structured milestones (planMilestone records), shown under the plan form. */
export { PlanMilestones } from './PlanMilestones';
