import { join } from 'node:path';
import { killCli, startCli, tempDir, type CliServer } from '../support/cli-server';

// The command line sets the body limit: a body over it is refused before it is read whole.

describe('slemu serve --body-limit', () => {
  const temp = tempDir();
  let server: CliServer | undefined;

  afterAll(async () => {
    await killCli(server);
    temp.remove();
  });

  it('refuses a body over the limit it was given', async () => {
    server = await startCli(join(temp.dir, 'limits.db'), ['--body-limit', '2000']);
    const post = (size: number) =>
      fetch(
        `${server!.baseUrl}/rest/v3.1/SoftLayer_User_Customer/initiatePortalPasswordChange.json`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ parameters: ['nobody'], padding: 'x'.repeat(size) }),
        },
      );

    const small = await post(1000);
    expect(small.status).toBe(200);

    const large = await post(3000);
    expect(large.status).toBe(413);
    expect(await large.json()).toEqual({
      error: 'The request body is larger than slemu accepts.',
      code: 'SoftLayer_Exception_WebService_BadRequest',
    });
  });
});
