/** A Stripe `invoice.paid` event body, as the check's tests capture it before checking a handler. */
export function stripeInvoicePaid(eventId: string, invoiceId: string): string {
  return JSON.stringify({
    id: eventId,
    object: 'event',
    type: 'invoice.paid',
    data: { object: { id: invoiceId, object: 'invoice' } },
  });
}
