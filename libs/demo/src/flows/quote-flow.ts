import { quoteTotals, type CurrencyCode, type QuoteLine } from '@presales/domain';
import { DAY, HOUR } from '../world/calendar.js';
import { consultantActor, managerActor, salesActor } from '../world/org.js';
import type { World } from '../world/world.js';
import { closeDeal, toStage, type Deal } from './deal.js';

const CNY = 'CNY' as CurrencyCode;

/**
 * Quotation: a draft priced from the deal's value, approval (weak teams get rejected for thin
 * margins and revise), sending, a discount round in negotiation, then the customer's answer,
 * which closes the deal. For a tendered deal the answer follows the tender's outcome.
 */
export function runQuote(world: World, deal: Deal, at: number, tenderId: string | undefined): void {
  world.at(at, () => {
    if (deal.closed) return;
    const { prng } = world;
    const quoteId = `quo-${deal.id.slice(4)}`;
    let lines = draftLines(world, deal);
    const author = consultantActor(deal.lead.id);
    const approver = managerActor(deal.team.managerId);
    world.issue(
      'quote',
      quoteId,
      {
        type: 'DraftQuote',
        data: {
          quoteId,
          opportunityId: deal.id,
          ...(tenderId === undefined ? {} : { tenderId }),
          currency: CNY,
          lines,
        },
      },
      at,
      author,
    );
    let revision = 0;
    let time = at + prng.int(4, 30) * HOUR;
    const approve = (): void => {
      world.issue('quote', quoteId, { type: 'RequestQuoteApproval', data: { quoteId, revision } }, time, author);
      time += prng.int(2, 30) * HOUR;
      if (prng.chance(0.1 + 0.4 * (1 - deal.quality))) {
        world.issue(
          'quote',
          quoteId,
          {
            type: 'RejectQuoteApproval',
            data: { quoteId, revision, approverId: deal.team.managerId, reason: 'margin below the floor' },
          },
          time,
          approver,
        );
        lines = lines.map((line) => ({ ...line, discountPct: '0' }));
        time += prng.int(4, 24) * HOUR;
        world.issue(
          'quote',
          quoteId,
          {
            type: 'ReviseQuote',
            data: { quoteId, lines, reason: 'discounts removed after the approval was rejected' },
          },
          time,
          author,
        );
        revision += 1;
        time += HOUR;
        world.issue('quote', quoteId, { type: 'RequestQuoteApproval', data: { quoteId, revision } }, time, author);
        time += prng.int(2, 30) * HOUR;
      }
      world.issue(
        'quote',
        quoteId,
        { type: 'ApproveQuote', data: { quoteId, revision, approverId: deal.team.managerId } },
        time,
        approver,
      );
      time += prng.int(1, 24) * HOUR;
      world.issue(
        'quote',
        quoteId,
        { type: 'SendQuoteToCustomer', data: { quoteId, revision } },
        time,
        salesActor(deal.salesId),
      );
    };
    approve();
    if (tenderId === undefined) toStage(world, deal, 'negotiation', time);
    if (prng.chance(0.45)) {
      // The customer pushes back on price: one more round with a bigger discount.
      time += prng.int(3, 12) * DAY;
      lines = lines.map((line) => ({
        ...line,
        discountPct: String(Math.min(40, Number(line.discountPct) + prng.int(3, 10))),
      }));
      world.issue(
        'quote',
        quoteId,
        { type: 'ReviseQuote', data: { quoteId, lines, reason: 'customer asked for a better price' } },
        time,
        author,
      );
      revision += 1;
      time += HOUR;
      approve();
    }
    const answerAt = tenderId === undefined ? time + prng.int(5, 35) * DAY : at + prng.int(42, 60) * DAY;
    const finalRevision = revision;
    const finalLines = lines;
    world.at(answerAt, () => answer(world, deal, quoteId, finalRevision, finalLines, answerAt, tenderId !== undefined));
  });
}

function answer(
  world: World,
  deal: Deal,
  quoteId: string,
  revision: number,
  lines: readonly QuoteLine[],
  at: number,
  tendered: boolean,
): void {
  const { prng } = world;
  const wins = !deal.closed && (tendered ? deal.odds > 0.5 : prng.chance(Math.max(0.05, Math.min(0.9, deal.odds))));
  if (wins) {
    const total = Number(quoteTotals(lines, CNY).total.amount);
    // Contracts land near the final quote; how near is the quote_accuracy KPI.
    const contracted = (Math.round(total * prng.between(1 - 0.12 * (1 - deal.quality), 1.02) * 100) / 100).toFixed(2);
    world.issue(
      'quote',
      quoteId,
      { type: 'AcceptQuote', data: { quoteId, revision, contractedAmount: { amount: contracted, currency: CNY } } },
      at,
      salesActor(deal.salesId),
    );
    closeDeal(world, deal, 'won', at + HOUR, 'won', Number(contracted));
  } else {
    world.issue(
      'quote',
      quoteId,
      {
        type: 'DeclineQuote',
        data: { quoteId, reason: deal.closed ? 'the opportunity was closed' : 'customer chose another offer' },
      },
      at,
      salesActor(deal.salesId),
    );
    closeDeal(world, deal, 'lost', at + HOUR, 'lost');
  }
  world.retire('quote', quoteId, at);
}

function draftLines(world: World, deal: Deal): QuoteLine[] {
  const { prng } = world;
  const count = prng.int(2, 5);
  const costShare = 0.45 + 0.3 * (1 - deal.quality);
  return Array.from({ length: count }, (_, index) => {
    const quantity = prng.int(1, 40);
    const unitPrice = Math.max(100, Math.round(deal.value / count / quantity));
    return {
      lineId: `l${index + 1}`,
      productLine: prng.pick(deal.productLines),
      sku: `SKU-${prng.int(1000, 9999)}`,
      description: ['Licences', 'Implementation services', 'Annual support', 'Training', 'Cloud subscription'][
        index % 5
      ]!,
      quantity: String(quantity),
      unitPrice: String(unitPrice),
      unitCost: String(Math.round(unitPrice * costShare * prng.between(0.9, 1.1))),
      discountPct: String(prng.int(0, 15)),
    };
  });
}
