/** Dictionaries shared by server and web. Values are stable codes; labels live in the web's i18n resources. */
export const organisationKinds = ['enterprise', 'platform', 'university', 'college', 'researchInstitute', 'team'] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

/** How a talent came to the zone (the source's 体制内引进 / 市场化选聘 / 柔性引进 / 本土培养 / 自主来区). */
export const arrivalRoutes = ['civilService', 'marketHire', 'flexible', 'localTraining', 'selfArrived'] as const;
export type ArrivalRoute = (typeof arrivalRoutes)[number];

export const talentStatuses = ['inZone', 'flexibleService', 'left'] as const;
export type TalentStatus = (typeof talentStatuses)[number];
