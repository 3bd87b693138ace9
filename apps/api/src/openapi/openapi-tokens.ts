/** Every controller of the app, for the route table the contract is generated from. */
export const ROUTE_CONTROLLERS = Symbol('RouteControllers');
