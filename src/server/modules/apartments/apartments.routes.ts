import { errorResponses, errorSchema, uuidParam, type App } from '../../http/types';
import {
  allocationBody, applicationBody, applicationListQuery, applicationPage, applicationSchema, buildingBody, buildingList, buildingSchema, buildingUpdateBody, decisionBody,
  eligibilitySchema, leaseItem, leaseListQuery, leasePage, mineSchema, moveInBody, moveOutBody, renewalBody, resubmitBody, unitBody, unitDetail, unitItem, unitListQuery, unitPage,
  unitUpdateBody, versionBody, waitingList,
} from './apartments.schemas';
import {
  allocateApartment, apartmentEligibility, applicationDetail, applyForApartment, changeBuilding, changeUnit, createBuilding, createUnit, decideApplication, listApplications,
  listBuildings, listLeases, listUnits, moveIn, moveOut, myApartment, renewLease, resubmitApplication, unitDetail as readUnit, waitingList as readWaitingList,
  withdrawApplication,
} from './apartments.service';

const tags = ['apartments'];
const conflict = { 409: errorSchema };

export async function apartmentsRoutes(app: App) {
  // ——— inventory ———
  app.get('/api/apartments/buildings', { config: { access: 'apartments.read' }, schema: { tags, summary: 'Buildings with unit counts and occupancy rate (from the leases)', response: { 200: buildingList, ...errorResponses } } },
    async (request) => listBuildings(app.db, request.session!.user));
  app.post('/api/apartments/buildings', { config: { access: 'apartments.manage' }, schema: { tags, summary: 'Add a building', body: buildingBody, response: { 201: buildingSchema, ...errorResponses, ...conflict } } },
    async (request, reply) => reply.status(201).send(await createBuilding(app.db, request.actor, request.session!.user, request.body)));
  app.put('/api/apartments/buildings/:id', { config: { access: 'apartments.manage' }, schema: { tags, summary: 'Change a building', params: uuidParam, body: buildingUpdateBody, response: { 200: buildingSchema, ...errorResponses, ...conflict } } },
    async (request) => changeBuilding(app.db, request.actor, request.session!.user, request.params.id, request.body));
  app.get('/api/apartments/units', { config: { access: 'apartments.read' }, schema: { tags, summary: 'Apartments (units), filtered by building, status, layout, furnished, number', querystring: unitListQuery, response: { 200: unitPage, ...errorResponses } } },
    async (request) => listUnits(app.db, request.session!.user, request.query));
  app.get('/api/apartments/units/:id', { config: { access: 'apartments.read' }, schema: { tags, summary: 'One apartment with its occupancy history', params: uuidParam, response: { 200: unitDetail, ...errorResponses } } },
    async (request) => readUnit(app.db, request.session!.user, request.params.id));
  app.post('/api/apartments/units', { config: { access: 'apartments.manage' }, schema: { tags, summary: 'Add an apartment to a building', body: unitBody, response: { 201: unitItem, ...errorResponses, ...conflict } } },
    async (request, reply) => reply.status(201).send(await createUnit(app.db, request.actor, request.session!.user, request.body)));
  app.put('/api/apartments/units/:id', { config: { access: 'apartments.manage' }, schema: { tags, summary: 'Change an apartment (status only vacant ↔ maintenance)', params: uuidParam, body: unitUpdateBody, response: { 200: unitItem, ...errorResponses, ...conflict } } },
    async (request) => changeUnit(app.db, request.actor, request.session!.user, request.params.id, request.body));

  // ——— applications (cases of type `apartment`) ———
  app.get('/api/apartments/eligibility', { config: { access: 'apartments.apply' }, schema: { tags, summary: 'My eligibility under the housing policy, each condition in words', response: { 200: eligibilitySchema, ...errorResponses, ...conflict } } },
    async (request) => apartmentEligibility(app.db, request.session!.user));
  app.get('/api/apartments/mine', { config: { access: 'apartments.apply' }, schema: { tags, summary: 'My applications with their waiting-list position, and my leases', response: { 200: mineSchema, ...errorResponses } } },
    async (request) => myApartment(app.db, request.session!.user));
  app.post('/api/apartments/applications', { config: { access: 'apartments.apply' }, schema: { tags, summary: 'Apply for an apartment (refused with the reasons when not eligible)', body: applicationBody, response: { 201: applicationSchema, ...errorResponses, ...conflict } } },
    async (request, reply) => reply.status(201).send(await applyForApartment(app.db, request.actor, request.session!.user, request.body)));
  app.get('/api/apartments/applications', { config: { access: ['apartments.read', 'apartments.apply'] }, schema: { tags, summary: 'Applications I may see (a talent: my own)', querystring: applicationListQuery, response: { 200: applicationPage, ...errorResponses } } },
    async (request) => listApplications(app.db, request.session!.user, request.query));
  app.get('/api/apartments/applications/:id', { config: { access: ['apartments.read', 'apartments.apply'] }, schema: { tags, summary: 'One application: eligibility, preferences, history, position, lease', params: uuidParam, response: { 200: applicationSchema, ...errorResponses } } },
    async (request) => applicationDetail(app.db, request.session!.user, request.params.id));
  app.post('/api/apartments/applications/:id/decision', { config: { access: 'apartments.manage' }, schema: { tags, summary: 'The housing unit approves (onto the waiting list), returns or rejects', params: uuidParam, body: decisionBody, response: { 200: applicationSchema, ...errorResponses, ...conflict } } },
    async (request) => decideApplication(app.db, request.actor, request.session!.user, request.params.id, request.body));
  app.post('/api/apartments/applications/:id/resubmit', { config: { access: 'apartments.apply' }, schema: { tags, summary: 'Send a returned application again, corrected', params: uuidParam, body: resubmitBody, response: { 200: applicationSchema, ...errorResponses, ...conflict } } },
    async (request) => resubmitApplication(app.db, request.actor, request.session!.user, request.params.id, request.body));
  app.post('/api/apartments/applications/:id/withdraw', { config: { access: 'apartments.apply' }, schema: { tags, summary: 'Withdraw an open application', params: uuidParam, body: versionBody, response: { 200: applicationSchema, ...errorResponses, ...conflict } } },
    async (request) => withdrawApplication(app.db, request.actor, request.session!.user, request.params.id, request.body.version));

  // ——— waiting list, allocation, leases ———
  app.get('/api/apartments/waiting-list', { config: { access: 'apartments.read' }, schema: { tags, summary: 'Approved applications waiting for an apartment, in the order of the rule (tier, then date applied)', response: { 200: waitingList, ...errorResponses } } },
    async (request) => readWaitingList(app.db, request.session!.user));
  app.post('/api/apartments/allocations', { config: { access: 'apartments.manage' }, schema: { tags, summary: 'Allocate a vacant apartment to a waiting application (409 when it was just taken)', body: allocationBody, response: { 201: leaseItem, ...errorResponses, ...conflict } } },
    async (request, reply) => reply.status(201).send(await allocateApartment(app.db, request.actor, request.session!.user, request.body)));
  app.get('/api/apartments/leases', { config: { access: ['apartments.read', 'apartments.apply'] }, schema: { tags, summary: 'Leases: occupancy history by apartment or talent (a talent: their own)', querystring: leaseListQuery, response: { 200: leasePage, ...errorResponses } } },
    async (request) => listLeases(app.db, request.session!.user, request.query));
  app.post('/api/apartments/leases/:id/move-in', { config: { access: 'apartments.manage' }, schema: { tags, summary: 'Record the move-in of a reserved lease', params: uuidParam, body: moveInBody, response: { 200: leaseItem, ...errorResponses, ...conflict } } },
    async (request) => moveIn(app.db, request.actor, request.session!.user, request.params.id, request.body));
  app.post('/api/apartments/leases/:id/renewal', { config: { access: 'apartments.manage' }, schema: { tags, summary: 'Renew an active lease to a later end date', params: uuidParam, body: renewalBody, response: { 200: leaseItem, ...errorResponses, ...conflict } } },
    async (request) => renewLease(app.db, request.actor, request.session!.user, request.params.id, request.body));
  app.post('/api/apartments/leases/:id/move-out', { config: { access: 'apartments.manage' }, schema: { tags, summary: 'Record the move-out; the apartment goes back to vacant or to maintenance', params: uuidParam, body: moveOutBody, response: { 200: leaseItem, ...errorResponses, ...conflict } } },
    async (request) => moveOut(app.db, request.actor, request.session!.user, request.params.id, request.body));
}
