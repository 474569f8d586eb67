import { errorResponses, errorSchema, uuidParam, type App } from '../../http/types';
import {
  boardQuery, boardSchema, closeBody, jointTaskCreateBody, jointTaskListQuery, jointTaskPage, jointTaskSchema, noteBody, partBody, partParams,
} from './coordination.schemas';
import { enterpriseBoard } from './board.service';
import { addJointTaskNote, closeJointTask, createJointTask, jointTaskDetail, listJointTasks, reportJointTaskPart } from './joint-tasks.service';

const tags = ['coordination'];
const withConflict = { ...errorResponses, 409: errorSchema };

/** 协同用才: joint tasks across units, and the government–enterprise board. */
export async function coordinationRoutes(app: App) {
  app.get('/api/joint-tasks', { config: { access: 'jointTasks.read' }, schema: { tags, summary: 'Joint tasks I may see (a unit: those it owns or helps on)', querystring: jointTaskListQuery, response: { 200: jointTaskPage, ...errorResponses } } },
    async (request) => listJointTasks(app.db, request.session!.user, request.query));
  app.post('/api/joint-tasks', { config: { access: 'jointTasks.work' }, schema: { tags, summary: 'Raise a joint task (an owner unit, helper units, a due day)', body: jointTaskCreateBody, response: { 201: jointTaskSchema, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await createJointTask(app.db, request.actor, request.session!.user, request.body)));
  app.get('/api/joint-tasks/:id', { config: { access: 'jointTasks.read' }, schema: { tags, summary: 'One joint task with its helpers’ parts and progress notes', params: uuidParam, response: { 200: jointTaskSchema, ...errorResponses } } },
    async (request) => jointTaskDetail(app.db, request.session!.user, request.params.id));
  app.post('/api/joint-tasks/:id/notes', { config: { access: 'jointTasks.work' }, schema: { tags, summary: 'Add a dated progress note', params: uuidParam, body: noteBody, response: { 201: jointTaskSchema, ...withConflict } } },
    async (request, reply) => reply.status(201).send(await addJointTaskNote(app.db, request.actor, request.session!.user, request.params.id, request.body)));
  app.put('/api/joint-tasks/:id/parts/:unitId', { config: { access: 'jointTasks.work' }, schema: { tags, summary: 'A helper unit reports its part done or not done', params: partParams, body: partBody, response: { 200: jointTaskSchema, ...withConflict } } },
    async (request) => reportJointTaskPart(app.db, request.actor, request.session!.user, request.params.id, request.params.unitId, request.body));
  app.post('/api/joint-tasks/:id/close', { config: { access: 'jointTasks.work' }, schema: { tags, summary: 'The owner unit closes (done) or cancels the task', params: uuidParam, body: closeBody, response: { 200: jointTaskSchema, ...withConflict } } },
    async (request) => closeJointTask(app.db, request.actor, request.session!.user, request.params.id, request.body));
  app.get('/api/board', { config: { access: 'board.read' }, schema: { tags, summary: 'The government–enterprise board (政企对接): open calls relevant to an enterprise, with why', querystring: boardQuery, response: { 200: boardSchema, ...errorResponses } } },
    async (request) => enterpriseBoard(app.db, request.session!.user, request.query));
}
