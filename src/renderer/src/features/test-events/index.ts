/* "Send test event": signed catalog events to your server or to Hooklens itself. */
export { SendTestEventButton } from './send-test-event-button';
export { TestEventDialog } from './test-event-dialog';
