// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import type { AuditEntry } from '../../shared/ipc/procedures/audit';
import type { ProcOutput } from '../../shared/ipc/contract';
import { renderWithKpr } from '../testing/render';
import { AuditScreen } from './AuditScreen';

const entry = (id: number, workstation: string | null): AuditEntry => ({
  id,
  at: '2026-11-22T09:00:00.000Z',
  userId: 1,
  username: 'ada',
  action: 'cp.read',
  entityType: 'contact_person',
  entityId: '4',
  detail: null,
  workstation,
});

const emptyReview = (from: string, to: string): ProcOutput<'audit.review'> => ({
  from,
  to,
  categories: [],
  totalRows: 0,
  reviews: [],
});

describe('AuditScreen (Logg)', () => {
  it('shows which workstation wrote each row, and a dash on rows from before it was recorded', async () => {
    await renderWithKpr(<AuditScreen />, {
      roles: ['admin'],
      answers: {
        'audit.list': [entry(8, 'KOMMUN-PC17 (1a2b3c4d)'), entry(7, null)],
        'users.list': [],
        'audit.review': ({ from, to }) => emptyReview(from, to),
      },
    });
    const table = screen.getByRole('table', { name: 'Logg' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['Nr', 'Tid', 'Användare', 'Arbetsstation', 'Händelse', 'Objekt', 'Detalj']);
    await within(table).findByText('KOMMUN-PC17 (1a2b3c4d)');
    const rows = within(table).getAllByRole('row');
    const column = headers.indexOf('Arbetsstation');
    const cells = rows
      .slice(1)
      .map((r) => [
        within(r).getAllByRole('cell')[0]?.textContent,
        within(r).getAllByRole('cell')[column]?.textContent,
      ]);
    expect(cells).toEqual([
      ['8', 'KOMMUN-PC17 (1a2b3c4d)'],
      ['7', '–'],
    ]);
  });
});
