/** Wait states turned into clocked Task states: every kind of wait, nested ones, paths kept, targets computed. */
import { describe, expect, it } from 'vitest';
import {
  CLOCKED_WAIT_RESOURCE,
  clockedWaitTarget,
  withClockedWaits,
} from '../../../infra/local/stepfunctions/clocked-waits.ts';

describe('withClockedWaits', () => {
  it('replaces each Wait, top level and nested, keeping paths and transitions', () => {
    const definition = {
      StartAt: 'Pause',
      States: {
        Pause: { Type: 'Wait', Seconds: 60, InputPath: '$.inner', OutputPath: '$.keep', Next: 'Each' },
        Each: {
          Type: 'Map',
          ItemProcessor: { StartAt: 'Until', States: { Until: { Type: 'Wait', TimestampPath: '$.until', End: true } } },
          Next: 'Both',
        },
        Both: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'Later', States: { Later: { Type: 'Wait', SecondsPath: '$$.Execution.Input.s', End: true } } },
          ],
          End: true,
        },
      },
    };
    const clocked = withClockedWaits(definition) as typeof definition;
    expect(clocked.States.Pause).toEqual({
      Type: 'Task',
      Resource: CLOCKED_WAIT_RESOURCE,
      Parameters: { 'input.$': '$', seconds: 60 },
      TimeoutSeconds: 2_147_483,
      InputPath: '$.inner',
      OutputPath: '$.keep',
      Next: 'Each',
    });
    expect(clocked.States.Each.ItemProcessor.States.Until).toMatchObject({
      Type: 'Task',
      Parameters: { 'input.$': '$', 'timestamp.$': '$.until' },
      End: true,
    });
    expect(clocked.States.Both.Branches[0]?.States.Later).toMatchObject({
      Parameters: { 'input.$': '$', 'seconds.$': '$$.Execution.Input.s' },
    });
    expect(definition.States.Pause.Type).toBe('Wait');
  });
});

describe('clockedWaitTarget', () => {
  const now = new Date('2026-05-01T10:00:00Z');

  it('counts seconds from now and takes timestamps as they are', () => {
    expect(clockedWaitTarget({ seconds: 864_000 }, now)).toEqual(new Date('2026-05-11T10:00:00Z'));
    expect(clockedWaitTarget({ timestamp: '2026-05-02T08:00:00+02:00' }, now)).toEqual(
      new Date('2026-05-02T06:00:00Z'),
    );
  });

  it('fails the way Step Functions does on a value it cannot use', () => {
    expect(() => clockedWaitTarget({ seconds: -1 }, now)).toThrow(expect.objectContaining({ name: 'States.Runtime' }));
    expect(() => clockedWaitTarget({ seconds: 1.5 }, now)).toThrow(/non-negative integer/);
    expect(() => clockedWaitTarget({ timestamp: '2026-05-02' }, now)).toThrow(/RFC 3339/);
  });
});
