import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { map, type Observable } from 'rxjs';
import { serializedAnswerOf } from './serialized-answer.js';

/**
 * Sends a kept answer (decision 0029) as the text serialized when it was kept, with that text's
 * ETag: no JSON.stringify and no hash of the body per request, and a caller that sends the ETag
 * back in If-None-Match gets 304 and no body while nothing new was projected (decision 0041).
 * `no-cache` makes a browser ask each time, so an answer is never served stale from its cache;
 * `private` because who may see it depends on the caller. An answer the cache did not keep (a
 * live answer with an event recorded after it, a failure) goes out as Nest sends any other.
 */
@Injectable()
export class SendKeptAnswerInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((answer: unknown) => {
        const serialized = serializedAnswerOf(answer);
        if (serialized === undefined) return answer;
        const http = context.switchToHttp();
        const response = http.getResponse<Response>();
        response.setHeader('ETag', serialized.etag);
        response.setHeader('Cache-Control', 'private, no-cache');
        // Express compares If-None-Match with the ETag just set, and sends 304 without a body.
        if (http.getRequest<Request>().fresh) return undefined;
        response.type('application/json');
        return serialized.json;
      }),
    );
  }
}
