// Package all links every PBX driver into the program: one import line per driver.
package all

import (
	_ "calltally.app/drivers/alcatel"
	_ "calltally.app/drivers/alcateloxo"
	_ "calltally.app/drivers/avayacm"
	_ "calltally.app/drivers/avayaipo"
	_ "calltally.app/drivers/ciscocme"
	_ "calltally.app/drivers/ciscocucm"
	_ "calltally.app/drivers/custom"
	_ "calltally.app/drivers/mitelmivb"
	_ "calltally.app/drivers/mitelmivo400"
	_ "calltally.app/drivers/mitelmxone"
	_ "calltally.app/drivers/openscape4000"
	_ "calltally.app/drivers/openscapebusiness"
	_ "calltally.app/drivers/openscapevoice"
	_ "calltally.app/drivers/threecx"
)
