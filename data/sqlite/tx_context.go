package sqlite

import "context"

type (
	dryRunKey      struct{}
	beforeWriteKey struct{}
)

// DryRun marks ctx so that every change made under it runs to the end and is rolled back:
// a command shows what it would do, exactly, and writes nothing.
func DryRun(ctx context.Context) context.Context { return context.WithValue(ctx, dryRunKey{}, true) }

func isDryRun(ctx context.Context) bool { v, _ := ctx.Value(dryRunKey{}).(bool); return v }

// BeforeWrite marks ctx so that fn runs before each write transaction begins. An import uses
// it to take the database's lock only once its file and photos are read: a slow or stuck file
// never holds the lock a window waits for.
func BeforeWrite(ctx context.Context, fn func() error) context.Context {
	return context.WithValue(ctx, beforeWriteKey{}, fn)
}

func beforeWrite(ctx context.Context) error {
	if fn, _ := ctx.Value(beforeWriteKey{}).(func() error); fn != nil {
		return fn()
	}
	return nil
}
