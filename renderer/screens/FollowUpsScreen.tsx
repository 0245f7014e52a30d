import { FollowUpList } from './documents/FollowUpList';

/** Uppföljningar: every planned follow-up, overdue first. */
export function FollowUpsScreen() {
  return (
    <>
      <h1>Uppföljningar</h1>
      <FollowUpList />
    </>
  );
}
