import { FollowUpList } from './documents/FollowUpList';
import { ExportButton } from '../components/ExportButton';

/** Uppföljningar: every planned follow-up, overdue first. */
export function FollowUpsScreen() {
  return (
    <>
      <h1>Uppföljningar</h1>
      <ExportButton input={{ list: 'uppfoljningar' }} />
      <FollowUpList />
    </>
  );
}
