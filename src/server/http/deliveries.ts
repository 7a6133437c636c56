/**
 * GET /webhooks/deliveries and POST /webhooks/deliveries/{id}/retry: what an operator sees of
 * webhook deliveries and how one is sent again (docs/webhooks.md). Reads the query, calls the
 * store, shapes the answer; the token is checked before these run (app.ts).
 */
import type { Queryable } from '../store/database.js';
import { DELIVERY_STATUSES, listDeliveries, retryDelivery, type DeliveryStatus } from '../store/webhooks.js';
import { failure, json } from './reply.js';

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

const isStatus = (value: string): value is DeliveryStatus => (DELIVERY_STATUSES as readonly string[]).includes(value);

/** A whole number from 1 to max, or null. */
function positive(text: string, max: number): number | null {
  const value = Number(text);
  return /^\d+$/.test(text) && value >= 1 && value <= max ? value : null;
}

export async function deliveriesRoute(db: Queryable, query: URLSearchParams): Promise<Response> {
  const status = query.get('status');
  if (status !== null && !isStatus(status)) return failure(400, `status ${JSON.stringify(status)} is not one of ${DELIVERY_STATUSES.join(', ')}`);
  const limit = positive(query.get('limit') ?? String(DEFAULT_LIMIT), MAX_LIMIT);
  if (limit === null) return failure(400, `limit is ${JSON.stringify(query.get('limit'))}; expected a whole number from 1 to ${MAX_LIMIT}`);
  const beforeText = query.get('before');
  const before = beforeText === null ? null : positive(beforeText, Number.MAX_SAFE_INTEGER);
  if (beforeText !== null && before === null) return failure(400, `before is ${JSON.stringify(beforeText)}; expected a delivery id`);
  return json(200, { deliveries: await listDeliveries(db, status, limit, before) });
}

export async function retryRoute(db: Queryable, idText: string): Promise<Response> {
  const id = positive(idText, Number.MAX_SAFE_INTEGER);
  if (id === null) return failure(400, `${JSON.stringify(idText)} is not a delivery id; ids are whole numbers (GET /webhooks/deliveries lists them)`);
  const delivery = await retryDelivery(db, id);
  return delivery === null ? failure(404, `no webhook delivery with id ${id}`) : json(202, delivery);
}
