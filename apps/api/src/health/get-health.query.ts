import { Query } from '@nestjs/cqrs';
import type { HealthResponse } from '@presales/contracts';

export class GetHealthQuery extends Query<HealthResponse> {}
