import 'reflect-metadata';
import { Body, Controller, HttpCode, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

/**
 * The floor under every command route: NestJS on Express with one POST route that parses the
 * JSON body and answers 201, and nothing else (no sign-in, validation, store or logging). The
 * bench sets the platform's command rate beside this one's: the share of a command's time the
 * framework takes before the product does anything.
 */
@Controller('api')
class EmptyRouteController {
  @Post('opportunities')
  @HttpCode(201)
  record(@Body() body: { readonly opportunityId?: string }): { readonly streamId: string } {
    return { streamId: `opportunity-${body.opportunityId ?? ''}` };
  }
}

@Module({ controllers: [EmptyRouteController] })
class EmptyRouteModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create(EmptyRouteModule, { logger: false });
  await app.listen(0, '127.0.0.1');
  console.log(`empty route at ${await app.getUrl()}/`);
}

void main();
