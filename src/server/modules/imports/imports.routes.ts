import type { FastifyReply } from 'fastify';
import { AppError } from '../../errors';
import { errorResponses, errorSchema, uuidParam, type App } from '../../http/types';
import { languageOf } from '../../plugins/errors';
import { commitBody, commitResponse, exportQuery, importSchema, kindParam, previewSchema, uploadQuery } from './imports.schemas';
import { commitImport, createImportRunner, importDetail, importTemplate, previewImport, recoverImports } from './imports.service';
import { xlsxMediaType } from './imports.workbook';
import { exportTalents } from './talent-export.service';

const tags = ['imports'];
/** Uploads up to 20 MB (the app's JSON limit is 1 MB). */
const uploadLimit = 20 * 1024 * 1024;

/** An .xlsx download: the Chinese file name for browsers (RFC 6266 filename*), an ASCII one for the rest. */
const download = (reply: FastifyReply, fileName: string, asciiName: string, bytes: Buffer) =>
  reply
    .header('content-type', xlsxMediaType)
    .header('content-disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .header('cache-control', 'no-store')
    .send(bytes);

export async function importsRoutes(app: App) {
  const runner = createImportRunner(app.log);
  // a run in progress finishes before the app (and its database) closes
  app.addHook('onClose', async () => runner.settle());
  // imports a dead process left running are marked interrupted; expired previews drop their rows
  app.addHook('onReady', async () => {
    const recovered = await recoverImports(app.db);
    if (recovered.interrupted) app.log.warn({ interrupted: recovered.interrupted }, 'imports interrupted by a stop were marked failed');
  });

  app.get(
    '/api/imports/templates/:kind',
    {
      config: { access: 'talents.import' },
      schema: { tags, summary: 'The import template (.xlsx): headers, an example row, the allowed values (sheet 可选值)', params: kindParam, response: errorResponses },
    },
    async (request, reply) => {
      const { bytes, fileName } = await importTemplate(app.db, request.params.kind);
      return download(reply, fileName, `${request.params.kind}-template.xlsx`, bytes);
    },
  );

  // The only place that accepts a body other than JSON: the upload, in its own encapsulated scope.
  await app.register(async (upload: App) => {
    upload.addContentTypeParser(xlsxMediaType, { parseAs: 'buffer', bodyLimit: uploadLimit }, (_request, body, done) => done(null, body));
    upload.addContentTypeParser('*', (_request, _payload, done) => done(new AppError(415, 'importMediaType'), undefined));
    upload.post(
      '/api/imports/:kind',
      {
        bodyLimit: uploadLimit,
        config: { access: 'talents.import' },
        schema: {
          tags,
          summary: `Check a roster (.xlsx body, Content-Type ${xlsxMediaType}, at most 20 MB): every row as the API would, nothing written yet`,
          params: kindParam,
          querystring: uploadQuery,
          response: { 201: previewSchema, ...errorResponses, 413: errorSchema, 415: errorSchema },
        },
      },
      async (request, reply) => {
        if (!Buffer.isBuffer(request.body)) throw new AppError(415, 'importMediaType');
        const preview = await previewImport(app.db, app.secrets, request.actor, request.session!.user, languageOf(request), {
          kind: request.params.kind,
          fileName: request.query.fileName,
          bytes: request.body,
        });
        return reply.status(201).send(preview);
      },
    );
  });

  app.get(
    '/api/imports/:id',
    {
      config: { access: 'talents.import' },
      schema: { tags, summary: 'An import: status, progress (processed rows), problems', params: uuidParam, response: { 200: importSchema, ...errorResponses } },
    },
    async (request) => importDetail(app.db, runner, request.session!.user, request.params.id),
  );

  app.post(
    '/api/imports/:id/commit',
    {
      config: { access: 'talents.import' },
      schema: {
        tags,
        summary: 'Import a previewed file in the background (one transaction); follow it with GET /api/imports/:id. A preview expires after 24 h (410)',
        params: uuidParam,
        body: commitBody,
        response: { 202: commitResponse, ...errorResponses, 409: errorSchema, 410: errorSchema },
      },
    },
    async (request, reply) =>
      reply.status(202).send(await commitImport(app.db, runner, request.actor, request.session!.user, languageOf(request), request.params.id, request.body.mode)),
  );

  app.get(
    '/api/talents/export',
    {
      config: { access: 'talents.export' },
      schema: {
        tags: ['talents'],
        summary: 'The filtered talent list as .xlsx (filters of GET /api/talents); masked unless the office reveals with a reason; audited',
        querystring: exportQuery,
        response: errorResponses,
      },
    },
    async (request, reply) => {
      // HEAD (Fastify's twin of the GET route) neither builds the file nor records an export
      if (request.method === 'HEAD') return (reply as FastifyReply).header('content-type', xlsxMediaType).send('');
      const { bytes, fileName, asciiName } = await exportTalents(app.db, app.secrets, request.actor, request.session!.user, request.query);
      return download(reply, fileName, asciiName, bytes);
    },
  );
}
