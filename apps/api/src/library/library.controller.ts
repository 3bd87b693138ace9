import { Controller, Get, Inject, NotFoundException, Param, Query } from '@nestjs/common';
import { assetDetail, searchLibrary, suggestAssets, type AnalyticsStore } from '@presales/analytics';
import type { AssetDetailResponse, AssetSuggestionsResponse, LibrarySearchResponse } from '@presales/contracts';
import { validate } from '@presales/domain';
import { SignedIn } from '../auth/access/access-rule.js';
import { ANALYTICS_STORE, CLOCK, type Clock } from '../infrastructure/tokens.js';
import { STALE_AFTER_MONTHS } from './library-config.js';
import { AssetIdParam, AssetSuggestionParams, LibrarySearchParams } from './library-params.js';
import { Published } from '../openapi/published.js';
import * as answers from '@presales/contracts/answers';

/**
 * The knowledge library: every signed-in person may find and read assets (knowledge is shared
 * across teams); publishing, revising and retiring go through the command routes and their roles.
 */
@Controller('api/library')
@SignedIn()
export class LibraryController {
  constructor(
    @Inject(ANALYTICS_STORE) private readonly analytics: AnalyticsStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(STALE_AFTER_MONTHS) private readonly staleAfterMonths: number,
  ) {}

  @Get('assets')
  @Published({ query: LibrarySearchParams, response: answers.LibrarySearchResponse })
  search(@Query() query: unknown): Promise<LibrarySearchResponse> {
    const p = validate(LibrarySearchParams, query ?? {}, 'GET /api/library/assets');
    return searchLibrary(
      this.analytics,
      {
        text: p.q,
        status: p.status,
        freshness: p.freshness,
        offset: p.offset,
        limit: p.limit,
        ...(p.productLine === undefined ? {} : { productLine: p.productLine }),
        ...(p.kind === undefined ? {} : { kind: p.kind }),
        ...(p.owner === undefined ? {} : { ownerId: p.owner }),
      },
      { now: this.clock(), staleAfterMonths: p.staleAfterMonths ?? this.staleAfterMonths },
    );
  }

  /** Assets for a section being drafted or an activity being completed: its product line and title. */
  @Get('suggestions')
  @Published({ query: AssetSuggestionParams, response: answers.AssetSuggestionsResponse })
  suggestions(@Query() query: unknown): Promise<AssetSuggestionsResponse> {
    const p = validate(AssetSuggestionParams, query ?? {}, 'GET /api/library/suggestions');
    return suggestAssets(this.analytics, p.productLine, p.title, p.limit, {
      now: this.clock(),
      staleAfterMonths: p.staleAfterMonths ?? this.staleAfterMonths,
    });
  }

  @Get('assets/:assetId')
  @Published({
    params: AssetIdParam,
    query: AssetSuggestionParams.pick({ staleAfterMonths: true }),
    response: answers.AssetDetailResponse,
  })
  async detail(@Param('assetId') assetId: string, @Query() query: unknown): Promise<AssetDetailResponse> {
    const where = `GET /api/library/assets/${assetId}`;
    validate(AssetIdParam, { assetId }, where);
    const p = validate(AssetSuggestionParams.pick({ staleAfterMonths: true }).strict(), query ?? {}, where);
    const detail = await assetDetail(this.analytics, assetId, {
      now: this.clock(),
      staleAfterMonths: p.staleAfterMonths ?? this.staleAfterMonths,
    });
    if (detail === null) throw new NotFoundException(`${where}: no asset ${assetId} was published`);
    return detail;
  }
}
