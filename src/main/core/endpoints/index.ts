export { createEndpointsService, type EndpointsService, type EndpointsServiceDeps } from './endpoints-service';
export { routeEndpointId, slugOfUrl, endpointPath } from './routing';
export { slugify } from './slug';
