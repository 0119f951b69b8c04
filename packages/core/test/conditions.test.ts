import { describe, expect, it } from '@jest/globals';
import { etagListMatches, evaluateConditions, hasConditions, type ObjectMeta } from '@faast/core';

/** Last-Modified 12:00:00.700 UTC: the .700 checks that dates are compared at second resolution. */
const MODIFIED = Date.UTC(2024, 0, 1, 12, 0, 0, 700);
const SECOND = 1000;
const SAME_SECOND = Date.UTC(2024, 0, 1, 12, 0, 0);
const SECOND_BEFORE = SAME_SECOND - SECOND;
const SECOND_AFTER = SAME_SECOND + SECOND;

function meta(etag = '"abc123"', lastModifiedMs = MODIFIED): ObjectMeta {
  return { etag, size: 10, lastModifiedMs, contentType: '', userMetadata: {}, headers: {} };
}

describe('If-Match (strong comparison)', () => {
  it('passes when the tag matches, quoted or not', () => {
    expect(evaluateConditions({ ifMatch: '"abc123"' }, meta())).toBe('ok');
    expect(evaluateConditions({ ifMatch: 'abc123' }, meta())).toBe('ok');
    expect(evaluateConditions({ ifMatch: ' "abc123" ' }, meta())).toBe('ok');
  });

  it('fails with 412 when no tag matches', () => {
    expect(evaluateConditions({ ifMatch: '"other"' }, meta())).toBe('precondition-failed');
    expect(evaluateConditions({ ifMatch: '"abc12"' }, meta())).toBe('precondition-failed');
  });

  it('passes when any tag of a list matches', () => {
    expect(evaluateConditions({ ifMatch: '"x", "abc123", "y"' }, meta())).toBe('ok');
    expect(evaluateConditions({ ifMatch: '"x","y"' }, meta())).toBe('precondition-failed');
  });

  it('passes for * when the object exists', () => {
    expect(evaluateConditions({ ifMatch: '*' }, meta())).toBe('ok');
    expect(evaluateConditions({ ifMatch: '*' }, meta('W/"weak"'))).toBe('ok');
  });

  it('never matches a weak tag, on either side', () => {
    expect(evaluateConditions({ ifMatch: 'W/"abc123"' }, meta())).toBe('precondition-failed');
    expect(evaluateConditions({ ifMatch: '"abc123"' }, meta('W/"abc123"'))).toBe('precondition-failed');
    expect(evaluateConditions({ ifMatch: 'W/"abc123"' }, meta('W/"abc123"'))).toBe('precondition-failed');
  });
});

describe('If-None-Match (weak comparison)', () => {
  it('answers 304 when the tag matches, quoted or not', () => {
    expect(evaluateConditions({ ifNoneMatch: '"abc123"' }, meta())).toBe('not-modified');
    expect(evaluateConditions({ ifNoneMatch: 'abc123' }, meta())).toBe('not-modified');
  });

  it('ignores the W/ prefix on either side', () => {
    expect(evaluateConditions({ ifNoneMatch: 'W/"abc123"' }, meta())).toBe('not-modified');
    expect(evaluateConditions({ ifNoneMatch: '"abc123"' }, meta('W/"abc123"'))).toBe('not-modified');
  });

  it('serves when no tag matches', () => {
    expect(evaluateConditions({ ifNoneMatch: '"other"' }, meta())).toBe('ok');
    expect(evaluateConditions({ ifNoneMatch: '"a", W/"b"' }, meta())).toBe('ok');
  });

  it('answers 304 when any tag of a list matches, and for *', () => {
    expect(evaluateConditions({ ifNoneMatch: '"a", W/"abc123"' }, meta())).toBe('not-modified');
    expect(evaluateConditions({ ifNoneMatch: '*' }, meta())).toBe('not-modified');
  });
});

describe('If-Modified-Since / If-Unmodified-Since at second resolution', () => {
  it('answers 304 when not modified after the date (same second counts as not modified)', () => {
    expect(evaluateConditions({ ifModifiedSinceMs: SAME_SECOND }, meta())).toBe('not-modified');
    expect(evaluateConditions({ ifModifiedSinceMs: SECOND_AFTER }, meta())).toBe('not-modified');
  });

  it('serves when modified after the date', () => {
    expect(evaluateConditions({ ifModifiedSinceMs: SECOND_BEFORE }, meta())).toBe('ok');
    expect(evaluateConditions({ ifModifiedSinceMs: SECOND_BEFORE + 999 }, meta())).toBe('ok');
  });

  it('fails with 412 when modified after the If-Unmodified-Since date', () => {
    expect(evaluateConditions({ ifUnmodifiedSinceMs: SECOND_BEFORE }, meta())).toBe('precondition-failed');
    expect(evaluateConditions({ ifUnmodifiedSinceMs: SECOND_BEFORE + 999 }, meta())).toBe('precondition-failed');
  });

  it('serves when unmodified since the date (same second counts as unmodified)', () => {
    expect(evaluateConditions({ ifUnmodifiedSinceMs: SAME_SECOND }, meta())).toBe('ok');
    expect(evaluateConditions({ ifUnmodifiedSinceMs: SECOND_AFTER }, meta())).toBe('ok');
  });

  it('ignores dates when the origin gave no Last-Modified', () => {
    const { lastModifiedMs: _, ...unknown } = meta();
    expect(evaluateConditions({ ifModifiedSinceMs: SECOND_AFTER }, unknown)).toBe('ok');
    expect(evaluateConditions({ ifUnmodifiedSinceMs: SECOND_BEFORE }, unknown)).toBe('ok');
  });
});

describe('precedence (RFC 9110 §13.2.2)', () => {
  it('If-Match beats If-Unmodified-Since', () => {
    expect(evaluateConditions({ ifMatch: '"abc123"', ifUnmodifiedSinceMs: SECOND_BEFORE }, meta())).toBe('ok');
    expect(evaluateConditions({ ifMatch: '"other"', ifUnmodifiedSinceMs: SECOND_AFTER }, meta())).toBe('precondition-failed');
  });

  it('If-None-Match beats If-Modified-Since', () => {
    expect(evaluateConditions({ ifNoneMatch: '"other"', ifModifiedSinceMs: SECOND_AFTER }, meta())).toBe('ok');
    expect(evaluateConditions({ ifNoneMatch: '"abc123"', ifModifiedSinceMs: SECOND_BEFORE }, meta())).toBe('not-modified');
  });

  it('a failing If-Match is 412 even when If-None-Match would be 304', () => {
    expect(evaluateConditions({ ifMatch: '"other"', ifNoneMatch: '"abc123"' }, meta())).toBe('precondition-failed');
  });

  it('a failing If-Unmodified-Since is 412 even when If-None-Match or If-Modified-Since would be 304', () => {
    expect(evaluateConditions({ ifUnmodifiedSinceMs: SECOND_BEFORE, ifNoneMatch: '"abc123"' }, meta())).toBe('precondition-failed');
    expect(evaluateConditions({ ifUnmodifiedSinceMs: SECOND_BEFORE, ifModifiedSinceMs: SECOND_AFTER }, meta())).toBe('precondition-failed');
  });

  it('a passing If-Match still lets If-None-Match answer 304', () => {
    expect(evaluateConditions({ ifMatch: '"abc123"', ifNoneMatch: '"abc123"' }, meta())).toBe('not-modified');
  });

  it('serves without conditions', () => {
    expect(evaluateConditions(undefined, meta())).toBe('ok');
    expect(evaluateConditions({}, meta())).toBe('ok');
  });
});

describe('hasConditions', () => {
  it('tells whether any precondition is set', () => {
    expect(hasConditions(undefined)).toBe(false);
    expect(hasConditions({})).toBe(false);
    expect(hasConditions({ ifMatch: '' })).toBe(true); // present, if empty: absent is undefined
    expect(hasConditions({ ifMatch: '"a"' })).toBe(true);
    expect(hasConditions({ ifNoneMatch: '*' })).toBe(true);
    expect(hasConditions({ ifModifiedSinceMs: SAME_SECOND })).toBe(true);
    expect(hasConditions({ ifUnmodifiedSinceMs: SAME_SECOND })).toBe(true);
  });
});

describe('etagListMatches', () => {
  it('compares strongly or weakly as asked', () => {
    expect(etagListMatches('W/"t"', '"t"', 'weak')).toBe(true);
    expect(etagListMatches('W/"t"', '"t"', 'strong')).toBe(false);
    expect(etagListMatches('"t"', '"t"', 'strong')).toBe(true);
    expect(etagListMatches('"u", "t"', '"t"', 'strong')).toBe(true);
    expect(etagListMatches('"u"', '"t"', 'weak')).toBe(false);
  });
});

describe('absent is not zero', () => {
  it('the epoch is a date: If-Unmodified-Since 1970 fails for any later object', () => {
    expect(evaluateConditions({ ifUnmodifiedSinceMs: 0 }, meta())).toBe('precondition-failed');
    expect(hasConditions({ ifUnmodifiedSinceMs: 0 })).toBe(true);
  });

  it('If-Modified-Since 1970 is satisfied by any later object', () => {
    expect(evaluateConditions({ ifModifiedSinceMs: 0 }, meta())).toBe('ok');
    expect(evaluateConditions({ ifModifiedSinceMs: 0 }, meta('"abc123"', 0))).toBe('not-modified');
  });

  it('an object last modified at the epoch has a date', () => {
    expect(evaluateConditions({ ifUnmodifiedSinceMs: SECOND_BEFORE }, meta('"abc123"', 0))).toBe('ok');
    expect(evaluateConditions({ ifModifiedSinceMs: SECOND_AFTER }, meta('"abc123"', 0))).toBe('not-modified');
  });

  it('an empty If-Match is a list that names nothing', () => {
    expect(evaluateConditions({ ifMatch: '' }, meta())).toBe('precondition-failed');
    expect(hasConditions({ ifMatch: '' })).toBe(true);
  });

  it('without Last-Modified the date conditions do not apply', () => {
    const unknown: ObjectMeta = { etag: '"abc123"', size: 10, contentType: '', userMetadata: {}, headers: {} };
    expect(evaluateConditions({ ifUnmodifiedSinceMs: 0, ifModifiedSinceMs: SECOND_AFTER }, unknown)).toBe('ok');
    expect(hasConditions({})).toBe(false);
  });
});
