/**
 * What an admin must do after a deactivation on a shared server (electron/services/credential-rotation.ts):
 * the deactivated user's old password still unseals the database account in other workstations'
 * vault.json and in connection files exported before.
 */
export const ROTATION_ADVICE =
  'Byt databaskontots lösenord hos IT och ange det nya under Inställningar → Databas; exportera sedan nya anslutningsfiler till de andra arbetsstationerna. Tills dess kan den inaktiverade användaren med sitt gamla lösenord och en äldre nyckelfil eller anslutningsfil fortfarande nå databasen direkt, utan att det loggas.';
