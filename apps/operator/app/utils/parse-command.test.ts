import { describe, expect, it } from 'vitest'
import { parseCommand, suggestVerbs } from './parse-command'

describe('parseCommand', () => {
  it.each([
    [
      'reconcile acme',
      { verb: 'reconcile', target: 'acme' },
    ],
    [
      'reconciliar acme',
      { verb: 'reconcile', target: 'acme' },
    ],
    [
      '  Suspend   Boreal ',
      { verb: 'suspend', target: 'boreal' },
    ],
    [
      'suspender boreal',
      { verb: 'suspend', target: 'boreal' },
    ],
    [
      'resume acme',
      { verb: 'resume', target: 'acme' },
    ],
    [
      'retomar acme',
      { verb: 'resume', target: 'acme' },
    ],
    [
      'Reativar acme',
      { verb: 'resume', target: 'acme' },
    ],
    [
      'retry acme',
      { verb: 'retry', target: 'acme' },
    ],
    [
      'retry acme mail',
      { verb: 'retry', target: 'acme', step: 'mail' },
    ],
    [
      'retry mail acme',
      { verb: 'retry', target: 'acme', step: 'mail' },
    ],
    [
      'retentar acme e-mail',
      { verb: 'retry', target: 'acme', step: 'mail' },
    ],
    [
      'repetir acme arquivos',
      { verb: 'retry', target: 'acme', step: 'files' },
    ],
    [
      'retry acme boas-vindas',
      { verb: 'retry', target: 'acme', step: 'onboarding' },
    ],
    [
      'retry acme identidade',
      { verb: 'retry', target: 'acme', step: 'identity' },
    ],
    [
      'suspend acme contabilidade',
      { verb: 'suspend', target: 'acme contabilidade' },
    ],
  ])('reads %j', (input, expected) => {
    expect(parseCommand(input)).toEqual(expected)
  })

  it('reads a verb followed by a space as a command still waiting for its tenant', () => {
    expect(parseCommand('reconcile ')).toEqual({ verb: 'reconcile', target: '' })
    expect(parseCommand('retry mail ')).toEqual({ verb: 'retry', target: '', step: 'mail' })
  })

  it.each([
    '',
    '   ',
    'acme',
    'reconcile',
    'reconcil acme',
    'offboard acme',
    'delete acme',
    'acme reconcile',
    'ana@acme.test',
  ])('leaves %j as a plain search', (input) => {
    expect(parseCommand(input)).toBeNull()
  })

  it('does not take a step word for the target of another verb', () => {
    expect(parseCommand('suspend mail')).toEqual({ verb: 'suspend', target: 'mail' })
  })
})

describe('suggestVerbs', () => {
  it.each([
    [
      're',
      ['reconcile', 'retry', 'resume'],
    ],
    [
      'rec',
      ['reconcile'],
    ],
    [
      'reco',
      ['reconcile'],
    ],
    [
      'ret',
      ['retry', 'resume'],
    ],
    [
      'SUS',
      ['suspend'],
    ],
    [
      'reat',
      ['resume'],
    ],
    ['r', []],
    ['acme', []],
    ['reconcile acme', []],
  ])('suggests for %j', (input, expected) => {
    expect(suggestVerbs(input)).toEqual(expected)
  })
})
