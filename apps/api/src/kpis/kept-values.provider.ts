import type { FactoryProvider } from '@nestjs/common';
import { KeptKpiValues, type AnalyticsStore, type ProjectionView } from '@presales/analytics';
import type { AppConfig } from '@presales/platform-config';
import { ANALYTICS_STORE, APP_CONFIG, KEPT_KPI_VALUES, PROJECTOR } from '../infrastructure/tokens.js';

/**
 * The kept values as the store holds them, current while the projector's checkpoint has not
 * moved past them; with KEPT_KPI_VALUES=off, none (every value computed when asked).
 */
export const keptValuesProvider: FactoryProvider<Promise<KeptKpiValues | undefined>> = {
  provide: KEPT_KPI_VALUES,
  useFactory: (config: AppConfig, analytics: AnalyticsStore, projector: ProjectionView) =>
    config.keptKpiValues
      ? KeptKpiValues.open(analytics, () => projector.status().checkpoint)
      : Promise.resolve(undefined),
  inject: [APP_CONFIG, ANALYTICS_STORE, PROJECTOR],
};
