import Fastify from 'fastify';

// The ceilings slemu is measured against: bare fastify answering a fixed body. `xml` reads the
// whole request body first, as an XML-RPC server must, then answers a fixed XML-RPC response.

const [kind = 'json', portText = '0'] = process.argv.slice(2);

const JSON_BODY = JSON.stringify({
  accountId: 1001,
  email: 'alice@example.com',
  id: 7002,
  username: 'alice',
});

const XML_BODY =
  '<?xml version="1.0" encoding="utf-8"?>\n<params>\n<param>\n<value><struct>\n' +
  '<member><name>id</name><value><int>7002</int></value></member>\n' +
  '<member><name>username</name><value><string>alice</string></value></member>\n' +
  '</struct></value>\n</param>\n</params>\n';

async function main(): Promise<void> {
  const app = Fastify();
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  if (kind === 'xml') {
    app.post('/*', async (_request, reply) => reply.type('text/xml; charset=utf-8').send(XML_BODY));
  } else {
    const answer = async (
      _request: unknown,
      reply: { type: (t: string) => { send: (b: string) => unknown } },
    ) => reply.type('application/json; charset=utf-8').send(JSON_BODY);
    app.get('/*', answer);
    app.post('/*', answer);
  }
  app.get('/_slemu/health', async () => ({ status: 'ok' }));

  await app.listen({ host: '127.0.0.1', port: Number(portText) });
}

void main();
