package sqlite

import (
	"database/sql"
	"database/sql/driver"
	"fmt"

	"mentordesk/data"
)

// dateScan reads a TEXT date column into a data.Date ("" is no date).
type dateScan struct{ d *data.Date }

func (s dateScan) Scan(v any) error {
	var str string
	switch x := v.(type) {
	case nil:
		*s.d = 0
		return nil
	case string:
		str = x
	case []byte:
		str = string(x)
	default:
		return fmt.Errorf("date column holds %T", v)
	}
	d, err := data.ParseOptionalDate(str)
	if err != nil {
		return err
	}
	*s.d = d
	return nil
}

func dt(d *data.Date) sql.Scanner { return dateScan{d} }

// dv is a date's column value.
func dv(d data.Date) driver.Value { return d.String() }

// nullID stores zero as NULL for optional references.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

type idScan struct{ id *int64 }

func (s idScan) Scan(v any) error {
	switch x := v.(type) {
	case nil:
		*s.id = 0
	case int64:
		*s.id = x
	default:
		return fmt.Errorf("id column holds %T", v)
	}
	return nil
}

func nid(id *int64) sql.Scanner { return idScan{id} }

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
