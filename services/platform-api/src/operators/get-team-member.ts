import type { AuthentikDriver } from '../provisioning/identity/authentik-driver'
import type { OperatorAccount, OperatorTeam } from './fetch-operator-team'
import { notFound } from '../http/problem'
import { fetchOperatorTeam, findAccount } from './fetch-operator-team'

/** The team and the member with this id (their Authentik uuid); 404 when nobody on the team has it. */
export async function getTeamMember(driver: AuthentikDriver, id: string): Promise<{ team: OperatorTeam, account: OperatorAccount }> {
  const team = await fetchOperatorTeam(driver)
  const account = findAccount(team, id)
  if (!account)
    throw notFound('Operator', 'Nobody on the operator team has this id.')
  return { team, account }
}
