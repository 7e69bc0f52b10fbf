import type { Idp } from '@dezky/twins'

export interface DirectoryUserInput {
  username: string
  name: string
  email: string
  /** Group names the user is created in. */
  groups?: string[]
  path?: string
}

/**
 * Makes a user in the Authentik twin the way an administrator would, through its API rather than the
 * code under test; returns the twin's record of it.
 */
export async function createDirectoryUser(idp: Idp, input: DirectoryUserInput) {
  const groups = (input.groups ?? []).map((name) => {
    const group = idp.authentik.groups().find(candidate => candidate.name === name)
    if (!group)
      throw new Error(`no group ${name} in the Authentik twin`)
    return group.uuid
  })
  const response = await fetch(`${idp.authentik.url}/core/users/`, {
    method: 'POST',
    headers: { 'authorization': `Bearer ${idp.authentik.apiToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      username: input.username,
      name: input.name,
      email: input.email,
      path: input.path ?? 'users',
      groups,
    }),
  })
  if (response.status !== 201)
    throw new Error(`creating ${input.username} in the Authentik twin answered ${response.status}: ${await response.text()}`)
  const { pk } = await response.json() as { pk: number }
  return idp.authentik.users().find(user => user.pk === pk)!
}

/** The names of the `operator:*` groups the user with this uuid is directly in, sorted. */
export function operatorGroupsOf(idp: Idp, uuid: string): string[] {
  const user = idp.authentik.users().find(candidate => candidate.uuid === uuid)
  if (!user)
    return []
  return idp.authentik.groups().filter(group => group.name.startsWith('operator:') && group.users.has(user.pk)).map(group => group.name).sort()
}

let seeded = 0

/** A new operator made directly in the twin (created by an administrator, not by Dezky); returns their uuid. */
export async function seedOperator(idp: Idp, role: string): Promise<string> {
  const n = ++seeded
  const user = await createDirectoryUser(idp, {
    username: `seeded-operator-${n}-${Date.now()}@dezky.example`,
    name: `Seeded Operator ${n}`,
    email: `seeded-operator-${n}-${Date.now()}@dezky.example`,
    groups: [`operator:${role}`],
  })
  return user.uuid
}
