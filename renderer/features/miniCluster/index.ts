/** The mini-cluster page (deep link `#/mini-clusters/<id>`), composed by renderer/app/RouteView. */
export { MiniClusterPage, EDIT_SEGMENT } from './MiniClusterPage';
export { buildMiniClusterView, activityValues } from './model';
