import { describe, expect, it } from 'vitest';
import {
  checkPartName,
  isInRelationshipsFolder,
  normalizePartName,
  partExtension,
  partNameFromPath,
  partNameKey,
  partNamesEquivalent,
  pathFromPartName,
  relationshipsPartNameFor,
  resolveRelationshipTarget,
  sourceOfRelationshipsPart,
} from './part-name.js';

describe('partNameFromPath and pathFromPartName', () => {
  it.each([
    ['HelloWorld.pq', '/HelloWorld.pq'],
    ['icons/Hello World.png', '/icons/Hello%20World.png'],
    ['100%.png', '/100%25.png'],
    ['Grüße.pq', '/Gr%C3%BC%C3%9Fe.pq'],
    ['a#b?.png', '/a%23b%3F.png'],
    ['[x]{y}.m', '/%5Bx%5D%7By%7D.m'],
    ["keep-these_~.!$&'()*+,;=:@.pq", "/keep-these_~.!$&'()*+,;=:@.pq"],
    ['😀.png', '/%F0%9F%98%80.png'],
  ])('%j ↔ %j', (path, partName) => {
    expect(partNameFromPath(path)).toBe(partName);
    expect(pathFromPartName(partName)).toBe(path);
    expect(checkPartName(partName)).toBeUndefined();
  });
});

describe('checkPartName', () => {
  it.each([
    ['/a.pq'],
    ['/_rels/.rels'],
    ['/package/services/digital-signature/origin.psdsor'],
    ['/a%20b.png'],
    ['/é.png'],
  ])('accepts %j', (name) => {
    expect(checkPartName(name)).toBeUndefined();
  });

  it.each([
    ['', 'a part name cannot be empty'],
    ['a.pq', 'a part name must start with "/"'],
    ['/a/', 'a part name must not end with "/"'],
    ['/a//b', 'a part name cannot have an empty segment'],
    ['/a b', 'the character " " is not allowed in a part name; percent-encode it'],
    ['/a%2Fb', 'a part name cannot hold a percent-encoded "/" or "\\"'],
    ['/a%5cb', 'a part name cannot hold a percent-encoded "/" or "\\"'],
    ['/%41.png', 'a part name cannot percent-encode the character "A"; write it as it is'],
    ['/a%2', 'a "%" in a part name must start a %XX escape'],
    ['/a%zz', 'a "%" in a part name must start a %XX escape'],
    ['/a%FF', 'the percent-encoding in a part name must be valid UTF-8'],
    ['/a.', 'a part name segment cannot end with a dot'],
    ['/../a', 'a part name segment cannot end with a dot'],
    ['/a\\b', 'the character "\\\\" is not allowed in a part name; percent-encode it'],
  ])('refuses %j: %s', (name, reason) => {
    expect(checkPartName(name)).toBe(reason);
  });
});

describe('part-name equivalence', () => {
  it.each([
    ['/HelloWorld.pq', '/helloworld.PQ'],
    ['/%C3%A9.png', '/%c3%a9.png'],
    ['/é.png', '/%C3%A9.png'],
    ['/A/B.png', '/a/b.PNG'],
  ])('%j is %j', (a, b) => {
    expect(partNamesEquivalent(a, b)).toBe(true);
    expect(partNameKey(a)).toBe(partNameKey(b));
  });

  it('tells different names apart', () => {
    expect(partNamesEquivalent('/a.png', '/b.png')).toBe(false);
    expect(partNamesEquivalent('/a/b.png', '/a%2Fb.png')).toBe(false);
  });

  it('normalises the spelling without changing the case of letters', () => {
    expect(normalizePartName('/Café/%c3%a9.PNG')).toBe('/Caf%C3%A9/%C3%A9.PNG');
  });
});

describe('relationships part names', () => {
  it.each([
    ['/', '/_rels/.rels'],
    ['/HelloWorld.pq', '/_rels/HelloWorld.pq.rels'],
    [
      '/package/services/digital-signature/origin.psdsor',
      '/package/services/digital-signature/_rels/origin.psdsor.rels',
    ],
  ])('the relationships of %j are in %j', (source, partName) => {
    expect(relationshipsPartNameFor(source)).toBe(partName);
    expect(sourceOfRelationshipsPart(partName)).toBe(source);
    expect(isInRelationshipsFolder(partName)).toBe(true);
  });

  it('knows which names are not relationships parts', () => {
    expect(sourceOfRelationshipsPart('/HelloWorld.pq')).toBeUndefined();
    expect(sourceOfRelationshipsPart('/_rels/notes.txt')).toBeUndefined();
    expect(sourceOfRelationshipsPart('/a/_rels/.rels')).toBeUndefined();
    expect(isInRelationshipsFolder('/_rels/notes.txt')).toBe(true);
    expect(isInRelationshipsFolder('/a/rels.rels')).toBe(false);
  });
});

describe('resolveRelationshipTarget', () => {
  it.each([
    ['/', 'HelloWorld.pq', '/HelloWorld.pq'],
    ['/', '/HelloWorld.pq', '/HelloWorld.pq'],
    [
      '/',
      'package/services/digital-signature/origin.psdsor',
      '/package/services/digital-signature/origin.psdsor',
    ],
    [
      '/package/services/digital-signature/origin.psdsor',
      'xml-signature/1.psdsxs',
      '/package/services/digital-signature/xml-signature/1.psdsxs',
    ],
    ['/a/b/c.xml', '../d.xml', '/a/d.xml'],
    ['/a/b/c.xml', './d.xml#part', '/a/b/d.xml'],
  ])('from %j, %j is %j', (source, target, part) => {
    expect(resolveRelationshipTarget(source, target)).toBe(part);
  });

  it.each([['https://example.com/x'], ['../../x'], ['a.xml?x=1'], ['//host/x']])(
    'does not resolve %j to a part',
    (target) => {
      expect(resolveRelationshipTarget('/a.xml', target)).toBeUndefined();
    },
  );
});

describe('partExtension', () => {
  it.each([
    ['/a.PNG', 'png'],
    ['/_rels/.rels', 'rels'],
    ['/dir.d/file', ''],
    ['/a.b.pq', 'pq'],
  ])('%j → %j', (name, extension) => {
    expect(partExtension(name)).toBe(extension);
  });
});
