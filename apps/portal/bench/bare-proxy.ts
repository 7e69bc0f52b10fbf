import type { IncomingMessage, ServerResponse } from 'node:http'
import { createServer } from 'node:http'
import { Pool } from 'undici'

// The ceiling of benchmark (a): the least a BFF can do — take a request, add the bearer token it holds,
// forward it over a keep-alive pool, pass the answer back — with no session, no checks, no framework.
// Run by start-bare-proxy.ts as a process of its own, as the built portal is, so it does not share an
// event loop with the API in the bench process. Plain Node (type stripping), no build.
const api = new Pool(process.env.API_URL!, { connections: 64, keepAliveTimeout: 10_000 })
const authorization = `Bearer ${process.env.API_TOKEN}`

async function forward(request: IncomingMessage, response: ServerResponse) {
  const answer = await api.request({
    method: 'GET',
    path: request.url!,
    headers: { authorization },
  })
  const body = Buffer.from(await answer.body.arrayBuffer())
  response.writeHead(answer.statusCode, {
    'content-type': String(answer.headers['content-type']),
  })
  response.end(body)
}

const server = createServer((request, response) => {
  forward(request, response).catch(() => response.writeHead(502).end())
})
server.listen(0, '127.0.0.1', () => {
  const address = server.address()
  console.log(typeof address === 'object' && address
    ? address.port
    : '')
})
