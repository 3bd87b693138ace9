import { Controller, Get, Header, Inject, type Type } from '@nestjs/common';
import { Public } from '../auth/access/access-rule.js';
import { routeTable } from '../auth/access/route-table.js';
import { openApiDocument } from './openapi-document.js';
import { ROUTE_CONTROLLERS } from './openapi-tokens.js';

/** The published contract, and a page to browse it (Swagger UI, served from its npm package). */
@Controller('api')
export class OpenApiController {
  private document: unknown;

  constructor(@Inject(ROUTE_CONTROLLERS) private readonly controllers: readonly Type[]) {}

  @Get('openapi.json')
  @Public('the published contract: what each route takes and answers, nothing of the data')
  openapi(): unknown {
    this.document ??= openApiDocument(routeTable(this.controllers), '0.1.0');
    return this.document;
  }

  @Get('docs')
  @Public('the page that shows the published contract')
  @Header('content-type', 'text/html; charset=utf-8')
  docs(): string {
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Presales Ledger API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;
  }

  @Get('docs/init.js')
  @Public("the page's script: loads the contract into Swagger UI")
  @Header('content-type', 'text/javascript; charset=utf-8')
  init(): string {
    return "window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui' });\n";
  }
}
