package store

import "context"

// Claim records that this instance handles the delivery named key (a
// Slack event ID, a Discord interaction ID, prefixed with the platform)
// and reports whether it is the first to: a retry that reaches another
// instance sharing the database finds the claim and is not answered
// twice. Claims are kept for ClaimRetention.
func (s *Store) Claim(ctx context.Context, key string) (bool, error) {
	r, err := s.db.ExecContext(ctx, `INSERT INTO claims (key, at) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`,
		key, s.now().UnixNano())
	if err != nil {
		return false, s.fail("claiming a delivery", err)
	}
	n, err := r.RowsAffected()
	if err != nil {
		return false, s.fail("claiming a delivery", err)
	}
	return n == 1, nil
}
