package classify

// westRows: the United Kingdom (9 for an outside line), France,
// Italy and Spain (0). France, Italy and Spain have closed numbering
// plans: numbers are always dialled in full, Italy's and Spain's without
// any national prefix.
var westRows = []siteRows{
	{"country=GB area=20 access=9 internal=2xxx", []row{
		{"02079460000", "+442079460000", "GB", Fixed, Local},
		{"902079460000", "+442079460000", "GB", Fixed, Local},
		{"79460000", "+442079460000", "GB", Fixed, Local}, // London local dialling
		{"979460000", "+442079460000", "GB", Fixed, Local},
		{"01212345678", "+441212345678", "GB", Fixed, National},
		{"07400123456", "+447400123456", "GB", Mobile, National},
		{"907400123456", "+447400123456", "GB", Mobile, National},
		{"07911123456", "+447911123456", "GG", Mobile, International}, // a Guernsey mobile
		{"08001234567", "+448001234567", "GB", TollFree, National},
		{"09098790000", "+449098790000", "GB", Premium, National},
		{"03001234567", "+443001234567", "GB", UAN, National},
		{"05601234567", "+445601234567", "GB", VoIP, National},
		{"07012345678", "+447012345678", "GB", Personal, National},
		{"0500123456", "", "", UnknownType, UnknownScope}, // freephone range closed in 2017
		{"0012127365000", "+12127365000", "US", FixedOrMobile, International},
		{"90012127365000", "+12127365000", "US", FixedOrMobile, International},
		{"999", "", "GB", EmergencyType, Emergency},
		{"9999", "", "GB", EmergencyType, Emergency},
		{"112", "", "GB", EmergencyType, Emergency},
		{"118118", "", "GB", ServiceType, Service},
		{"2001", "", "", InternalType, InternalScope},
	}},
	{"country=FR access=0", []row{
		{"0142685300", "+33142685300", "FR", Fixed, National},
		{"00142685300", "+33142685300", "FR", Fixed, National},
		{"01 42 68 53 00", "+33142685300", "FR", Fixed, National},
		{"0612345678", "+33612345678", "FR", Mobile, National},
		{"00612345678", "+33612345678", "FR", Mobile, National},
		{"0800123456", "+33800123456", "FR", TollFree, National},
		{"0891234567", "+33891234567", "FR", Premium, National},
		{"0810123456", "+33810123456", "FR", SharedCost, National},
		{"0033142685300", "+33142685300", "FR", Fixed, National},
		{"0049301234567", "+49301234567", "DE", Fixed, International},
		{"42685300", "", "", UnknownType, UnknownScope}, // no local dialling
		{"112", "", "FR", EmergencyType, Emergency},
		{"15", "", "FR", EmergencyType, Emergency},
		{"018", "", "FR", EmergencyType, Emergency},
		{"3949", "", "FR", ServiceType, Service},
	}},
	{"country=IT area=06 access=0", []row{
		{"0612345678", "+390612345678", "IT", Fixed, Local},
		{"00612345678", "+390612345678", "IT", Fixed, Local},
		{"+39 06 1234 5678", "+390612345678", "IT", Fixed, Local},
		{"390612345678", "+390612345678", "IT", Fixed, Local},
		{"0212345678", "+390212345678", "IT", Fixed, National},
		{"3123456789", "+393123456789", "IT", Mobile, National},
		{"800123456", "+39800123456", "IT", TollFree, National},
		{"899123456", "+39899123456", "IT", Premium, National},
		{"848123456", "+39848123456", "IT", SharedCost, National},
		{"00442079460000", "+442079460000", "GB", Fixed, International},
		{"112", "", "IT", EmergencyType, Emergency},
		{"113", "", "IT", EmergencyType, Emergency},
		{"0112", "", "IT", EmergencyType, Emergency},
	}},
	{"country=ES area=91 access=0", []row{
		{"912345678", "+34912345678", "ES", Fixed, Local},
		{"0912345678", "+34912345678", "ES", Fixed, Local},
		{"932345678", "+34932345678", "ES", Fixed, National},
		{"612345678", "+34612345678", "ES", Mobile, National},
		{"0612345678", "+34612345678", "ES", Mobile, National},
		{"900123456", "+34900123456", "ES", TollFree, National},
		{"803123456", "+34803123456", "ES", Premium, National},
		{"901123456", "+34901123456", "ES", SharedCost, National},
		{"0034912345678", "+34912345678", "ES", Fixed, Local},
		{"00034912345678", "+34912345678", "ES", Fixed, Local},
		{"2345678", "", "", UnknownType, UnknownScope}, // no local dialling
		{"112", "", "ES", EmergencyType, Emergency},
		{"0112", "", "ES", EmergencyType, Emergency},
	}},
}
