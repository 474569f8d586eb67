import { useParams } from 'react-router';
import { TalentProfile } from './TalentProfile';

/** `/talents/:id`: one talent's record (the server answers 404 outside the user's scope). */
export function TalentDetailPage() {
  const { id = '' } = useParams();
  // A new record per address: the revealed numbers of one talent never show on another's page.
  return <TalentProfile key={id} talentId={id} />;
}
