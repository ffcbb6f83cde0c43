import type { RelationshipView } from './relationship-view';

// A view as JSON.stringify writes it, the JSON of each listed item (meeting, delegation,
// commitment, tension) given by `itemJson`: most of a past view is items that a history has
// written before, and writing them again was a third of the answer's cost.
export function writeViewJson(view: RelationshipView, itemJson: (item: object) => string): string {
  const list = (items: readonly object[]) => `[${items.map(itemJson).join(',')}]`;
  const { meetings } = view;
  const last = meetings.last === null ? 'null' : itemJson(meetings.last);
  return (
    `{"dyad":${JSON.stringify(view.dyad)},"asOf":${JSON.stringify(view.asOf)},"knownAt":${JSON.stringify(view.knownAt)},` +
    `"meetings":{"count":${JSON.stringify(meetings.count)},"last":${last},` +
    `"participants":${JSON.stringify(meetings.participants)},"places":${JSON.stringify(meetings.places)},` +
    `"sources":${JSON.stringify(meetings.sources)},"items":${list(meetings.items)}},` +
    `"delegations":${list(view.delegations)},"commitments":${list(view.commitments)},"tensions":${list(view.tensions)},` +
    `"openTensions":${JSON.stringify(view.openTensions)},"score":${JSON.stringify(view.score)}}`
  );
}
