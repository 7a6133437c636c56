/** What GET /surveys answers for each survey (`{ surveys: SurveySummary[] }`): the dashboard's survey picker. Types only. */
export interface SurveySummary {
  surveyId: string;
  /** Stored responses, each id once. */
  responses: number;
  /** Every scale, survey type (relationship, transactional) and kind (nps, enps) its answers were given on, sorted. */
  scales: string[];
  surveyTypes: string[];
  kinds: string[];
  /** The first and last createdAt (UTC instants), so a results page can choose its span. */
  firstAt: string;
  lastAt: string;
}
