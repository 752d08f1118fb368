import { describe, expect, it } from 'vitest';
import { m } from '../../test/evaluate.js';

describe('Crypto', () => {
  it.each([
    [
      'Binary.ToText(Crypto.CreateHash(CryptoAlgorithm.SHA256, Text.ToBinary("abc")), BinaryEncoding.Hex)',
      '"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"',
    ],
    [
      'Binary.ToText(Crypto.CreateHash(CryptoAlgorithm.SHA256, #binary({})), BinaryEncoding.Hex)',
      '"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"',
    ],
    [
      'Crypto.CreateHash(CryptoAlgorithm.SHA1, Text.ToBinary("abc"))',
      'error [Expression.Error] The algorithm is not supported by this function.',
    ],
    [
      'Crypto.CreateHash(CryptoAlgorithm.SHA256, "abc")',
      'error [Expression.Error] We cannot convert the value "abc" to type Binary.',
    ],
    [
      'Binary.ToText(Crypto.CreateHmac(CryptoAlgorithm.SHA256, Text.ToBinary("key"), Text.ToBinary("The quick brown fox jumps over the lazy dog")), BinaryEncoding.Hex)',
      '"f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8"',
    ],
    [
      'Binary.ToText(Crypto.CreateHmac(CryptoAlgorithm.SHA1, Text.ToBinary("key"), Text.ToBinary("The quick brown fox jumps over the lazy dog")), BinaryEncoding.Hex)',
      '"de7c9b85b8b78aa6bc8a7a36f70a90701c9db4d9"',
    ],
    [
      'Crypto.CreateHmac(CryptoAlgorithm.SHA256, "key", #binary({}))',
      'error [Expression.Error] We cannot convert the value "key" to type Binary.',
    ],
    ['{CryptoAlgorithm.SHA1, CryptoAlgorithm.SHA256}', '{0, 1}'],
    [
      'Value.Type(Crypto.CreateHash)',
      'type function (algorithm as number, value as binary) as binary',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});
