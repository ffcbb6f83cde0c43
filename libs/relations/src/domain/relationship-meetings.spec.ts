import { deciderSpecification } from '@dyad/platform/testing/decider-specification';
import { aDelegation, aMeeting, historyOf, recordArticle } from '../testing/relationship.factories';
import { relationshipDecider } from './relationship.decider';
import type { RelationshipEvent } from './relationship.events';

const spec = deciderSpecification(relationshipDecider);

const types = (events: readonly RelationshipEvent[]) => events.map((e) => e.type);

describe('meetings and delegations', () => {
  it('should record a meeting held when the dyad has none', () => {
    const meeting = aMeeting({ date: '2024-06-19' });
    const command = recordArticle([meeting], { publishedAt: '2024-06-20' });
    spec
      .given([])
      .when(command)
      .thenMatches((events) => {
        expect(events).toEqual([
          {
            type: 'MeetingHeld',
            data: {
              factId: meeting.factId,
              dyad: 'KP-RU',
              date: '2024-06-19',
              participants: [{ name: 'Vladimir Putin', country: 'RU' }],
              location: { city: 'Pyongyang', country: 'KP' },
              topics: [],
            },
            metadata: expect.objectContaining({
              articleId: command.data.articleId,
              occurredAt: '2024-06-19',
              publishedAt: '2024-06-20',
              recordedAt: command.data.recordedAt,
              schemaVersion: 1,
              extractor: { name: 'test', version: '1' },
            }),
          },
        ]);
      });
  });

  it('should corroborate a known meeting when a second article reports it a day off', () => {
    const first = aMeeting({ date: '2024-06-19' });
    const given = historyOf(recordArticle([first]));
    spec
      .given(given)
      .when(recordArticle([aMeeting({ date: '2024-06-20' })]))
      .thenMatches((events) => {
        expect(types(events)).toEqual(['MeetingCorroborated']);
        expect(events[0].data).toMatchObject({ meetingId: first.factId, corroborates: first.factId });
      });
  });

  it('should count two sessions between the pair on one day as one meeting when their venues differ', () => {
    const given = historyOf(recordArticle([aMeeting({ date: '2024-06-19', location: { city: 'Pyongyang', country: 'KP' } })]));
    spec
      .given(given)
      .when(recordArticle([aMeeting({ date: '2024-06-19', location: { city: 'Wonsan', country: 'KP' } })]))
      .thenMatches((events) => expect(types(events)).toEqual(['MeetingCorroborated']));
  });

  it('should record a new meeting when a day-apart report names another place', () => {
    const given = historyOf(recordArticle([aMeeting({ date: '2024-06-19' })]));
    spec
      .given(given)
      .when(recordArticle([aMeeting({ date: '2024-06-20', location: { city: 'Moscow', country: 'RU' } })]))
      .thenMatches((events) => expect(types(events)).toEqual(['MeetingHeld']));
  });

  it('should take an undated mention as a recall of the latest meeting at that place within the year', () => {
    const vostochny = { city: 'Vostochny Cosmodrome (Amur region)', country: 'RU' };
    const first = aMeeting({ date: '2023-09-13', location: vostochny });
    const given = historyOf(recordArticle([first], { publishedAt: '2023-09-15' }));
    const recall = aMeeting({ date: null, occurredAt: '2024-06-20', occurredAtSource: 'publishedAt', location: { city: 'Vostochny Cosmodrome', country: 'RU' } });
    spec
      .given(given)
      .when(recordArticle([recall], { publishedAt: '2024-06-20' }))
      .thenMatches((events) => expect(events[0]).toMatchObject({ type: 'MeetingCorroborated', data: { meetingId: first.factId } }));
  });

  it('should record an undated meeting as new when the pair never met at that place that year', () => {
    const given = historyOf(recordArticle([aMeeting({ date: '2022-01-10', location: { city: 'Moscow', country: 'RU' } })]));
    const undated = aMeeting({ date: null, occurredAt: '2025-10-15', occurredAtSource: 'publishedAt', location: { city: 'Moscow', country: 'RU' } });
    spec
      .given(given)
      .when(recordArticle([undated], { publishedAt: '2025-10-15' }))
      .thenMatches((events) => expect(types(events)).toEqual(['MeetingHeld']));
  });

  it('should let a dated report corroborate an undated meeting reported shortly after it', () => {
    const undated = aMeeting({ date: null, occurredAt: '2025-04-28', occurredAtSource: 'publishedAt' });
    const given = historyOf(recordArticle([undated], { publishedAt: '2025-04-28' }));
    spec
      .given(given)
      .when(recordArticle([aMeeting({ date: '2024-06-19' })], { publishedAt: '2024-06-20' }))
      .thenMatches((events) => expect(events[0]).toMatchObject({ type: 'MeetingCorroborated', data: { meetingId: undated.factId } }));
  });

  it('should decide each candidate against the ones before it in the same article', () => {
    spec
      .given([])
      .when(recordArticle([aMeeting({ date: '2024-06-19' }), aMeeting({ date: '2024-06-19' })]))
      .thenMatches((events) => expect(types(events)).toEqual(['MeetingHeld', 'MeetingCorroborated']));
  });

  it('should corroborate a delegation when the same country sends the same leader, spelled otherwise', () => {
    const first = aDelegation({ leader: 'Andriy Yermak', country: 'UA', dyad: 'UA-US' });
    const given = historyOf(recordArticle([first]));
    spec
      .given(given)
      .when(recordArticle([aDelegation({ leader: 'andriy  YERMAK', country: 'UA', dyad: 'UA-US' })]))
      .thenMatches((events) =>
        expect(events[0]).toMatchObject({
          type: 'FactCorroborated',
          data: { factType: 'DelegationListed', delegationId: first.factId, corroborates: first.factId },
        }),
      );
  });

  it('should list a new delegation when its leader differs', () => {
    const given = historyOf(recordArticle([aDelegation({ leader: 'Sergei Lavrov' })]));
    spec
      .given(given)
      .when(recordArticle([aDelegation({ leader: 'Sergei Shoigu' })]))
      .thenMatches((events) => expect(types(events)).toEqual(['DelegationListed']));
  });

  it('should record nothing when the same article is recorded again', () => {
    const command = recordArticle([aMeeting()]);
    spec.given(historyOf(command)).when(command).thenNothingHappened();
  });
});
