import { diff, type SnapshotShape } from '../../nodes/WoztellWhatsAppCloudTrigger/diff';

const shape: SnapshotShape = {
	keyFields: ['name', 'language'],
	comparedFields: ['status', 'quality'],
	keptFields: ['id'],
};
const version = (name: string, status: string, quality: string | null = 'GREEN') => ({
	fields: { name, language: 'en_US', status, quality, id: `id-${name}` },
});

describe('diff', () => {
	const before = diff(shape, undefined, {
		scope: 'waba',
		objects: [version('a', 'PENDING'), version('b', 'APPROVED')],
		complete: true,
	});

	it('a first reading is a baseline: every object as created, compared and kept fields stored compactly', () => {
		expect(before.baseline).toBe(true);
		expect(before.changes.map(({ kind, field, current }) => `${kind} ${field} ${current}`)).toEqual(
			[
				'created status PENDING',
				'created quality GREEN',
				'created status APPROVED',
				'created quality GREEN',
			],
		);
		expect(before.next).toEqual({
			scope: 'waba',
			entries: {
				'a en_US': ['PENDING', 'GREEN', 'id-a'],
				'b en_US': ['APPROVED', 'GREEN', 'id-b'],
			},
		});
	});

	it('reports each changed field, then what is gone, named from the snapshot', () => {
		const after = diff(shape, before.next, {
			scope: 'waba',
			objects: [version('a', 'APPROVED', 'RED')],
			complete: true,
		});
		expect(after.baseline).toBe(false);
		expect(after.changes).toEqual([
			expect.objectContaining({
				kind: 'changed',
				field: 'status',
				previous: 'PENDING',
				current: 'APPROVED',
			}),
			expect.objectContaining({
				kind: 'changed',
				field: 'quality',
				previous: 'GREEN',
				current: 'RED',
			}),
			{
				kind: 'gone',
				fields: { name: 'b', language: 'en_US', status: 'APPROVED', quality: 'GREEN', id: 'id-b' },
				field: 'status',
				previous: 'APPROVED',
				current: null,
			},
		]);
		expect(Object.keys(after.next.entries)).toEqual(['a en_US']);
	});

	it('an incomplete reading reports nothing gone and keeps what it did not see', () => {
		const after = diff(shape, before.next, {
			scope: 'waba',
			objects: [version('a', 'PENDING')],
			complete: false,
		});
		expect(after.changes).toEqual([]);
		expect(after.next.entries).toEqual(before.next.entries);
	});

	it('another scope (WABA, filters) starts a new baseline', () => {
		const after = diff(shape, before.next, { scope: 'other', objects: [], complete: true });
		expect(after).toEqual({ changes: [], next: { scope: 'other', entries: {} }, baseline: true });
	});
});
