/** Resource usage requests: the panel under a resource's form, and the writes it makes. */
export { ResourceRequests } from './ResourceRequests';
export { createRequest, decide } from './requestWrites';
