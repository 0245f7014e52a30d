/** Översikt: queue, waiting clients and deadlines appear here as those parts are built. */
export function OverviewScreen() {
  return (
    <>
      <h1>Översikt</h1>
      <div className="cards">
        <div className="card">
          <h2>Kö</h2>
          <p className="big">0</p>
          <p className="muted">godkända kontaktpersoner väntar på uppdrag</p>
        </div>
        <div className="card">
          <h2>Väntande brukare</h2>
          <p className="big">0</p>
          <p className="muted">beslut som inte verkställts</p>
        </div>
        <div className="card">
          <h2>Aktiva uppdrag</h2>
          <p className="big">0</p>
        </div>
      </div>
      <p className="muted">Inga ärenden ännu.</p>
    </>
  );
}
