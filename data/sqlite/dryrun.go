package sqlite

import "context"

type dryRunKey struct{}

// DryRun marks ctx so that every change made under it runs to the end and is rolled back:
// a command shows what it would do, exactly, and writes nothing.
func DryRun(ctx context.Context) context.Context { return context.WithValue(ctx, dryRunKey{}, true) }

func isDryRun(ctx context.Context) bool { v, _ := ctx.Value(dryRunKey{}).(bool); return v }
