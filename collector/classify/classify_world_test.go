package classify

// worldRows: the United States (9 for an outside line), Australia,
// India, Brazil (0) and Russia (9; 8 is its national prefix, 810 its
// international one).
var worldRows = []siteRows{
	{"country=US area=212 access=9 internal=5xxx", []row{
		{"2127365000", "+12127365000", "US", FixedOrMobile, Local},
		{"12127365000", "+12127365000", "US", FixedOrMobile, Local},
		{"92127365000", "+12127365000", "US", FixedOrMobile, Local},
		{"912127365000", "+12127365000", "US", FixedOrMobile, Local},
		{"7365000", "+12127365000", "US", FixedOrMobile, Local}, // 7-digit local dialling
		{"97365000", "+12127365000", "US", FixedOrMobile, Local},
		{"(312) 346-5000", "+13123465000", "US", FixedOrMobile, National},
		{"18002345678", "+18002345678", "US", TollFree, National},
		{"918002345678", "+18002345678", "US", TollFree, National},
		{"19002345678", "+19002345678", "US", Premium, National},
		{"4165550199", "+14165550199", "CA", FixedOrMobile, International}, // Toronto, same +1
		{"011442079460000", "+442079460000", "GB", Fixed, International},
		{"9011442079460000", "+442079460000", "GB", Fixed, International},
		{"911", "", "US", EmergencyType, Emergency},
		{"9911", "", "US", EmergencyType, Emergency},
		{"411", "", "US", ServiceType, Service},
		{"5123", "", "", InternalType, InternalScope},
	}},
	{"country=AU area=2 access=0", []row{
		{"0298765432", "+61298765432", "AU", Fixed, Local},
		{"98765432", "+61298765432", "AU", Fixed, Local},
		{"098765432", "+61298765432", "AU", Fixed, Local},
		{"00298765432", "+61298765432", "AU", Fixed, Local},
		{"61298765432", "+61298765432", "AU", Fixed, Local},
		{"0398765432", "+61398765432", "AU", Fixed, National},
		{"0412345678", "+61412345678", "AU", Mobile, National},
		{"1800123456", "+611800123456", "AU", TollFree, National},
		{"1300123456", "+611300123456", "AU", SharedCost, National},
		{"1900123456", "+611900123456", "AU", Premium, National},
		{"0011442079460000", "+442079460000", "GB", Fixed, International},
		{"00011442079460000", "+442079460000", "GB", Fixed, International},
		{"0014442079460000", "+442079460000", "GB", Fixed, International}, // another carrier's prefix
		{"000", "", "AU", EmergencyType, Emergency},
		{"0000", "", "AU", EmergencyType, Emergency},
		{"112", "", "AU", EmergencyType, Emergency},
	}},
	{"country=IN area=11 access=0", []row{
		{"01123456789", "+911123456789", "IN", Fixed, Local},
		{"23456789", "+911123456789", "IN", Fixed, Local},
		{"023456789", "+911123456789", "IN", Fixed, Local},
		{"02223456789", "+912223456789", "IN", Fixed, National},
		{"9812345678", "+919812345678", "IN", Mobile, National},
		{"09812345678", "+919812345678", "IN", Mobile, National},
		{"18001234567", "+9118001234567", "IN", TollFree, National},
		{"0014155550123", "+14155550123", "US", FixedOrMobile, International},
		{"112", "", "IN", EmergencyType, Emergency},
		{"100", "", "IN", EmergencyType, Emergency},
	}},
	{"country=BR area=11 access=0", []row{
		{"01133334444", "+551133334444", "BR", Fixed, Local},
		{"33334444", "+551133334444", "BR", Fixed, Local},
		{"033334444", "+551133334444", "BR", Fixed, Local},
		{"0015551133334444", "+551133334444", "BR", Fixed, Local}, // 00, carrier 15, +55
		{"0152133334444", "+552133334444", "BR", Fixed, National}, // 0, carrier 15, Rio
		{"011987654321", "+5511987654321", "BR", Mobile, National},
		{"987654321", "+5511987654321", "BR", Mobile, National},
		{"08001234567", "+558001234567", "BR", TollFree, National},
		{"0021442079460000", "+442079460000", "GB", Fixed, International},
		{"190", "", "BR", EmergencyType, Emergency},
		{"193", "", "BR", EmergencyType, Emergency},
	}},
	{"country=RU area=495 access=9", []row{
		{"84951234567", "+74951234567", "RU", Fixed, Local},
		{"984951234567", "+74951234567", "RU", Fixed, Local},
		{"1234567", "+74951234567", "RU", Fixed, Local},
		{"91234567", "+74951234567", "RU", Fixed, Local},
		{"88121234567", "+78121234567", "RU", Fixed, National},
		{"89161234567", "+79161234567", "RU", Mobile, National},
		{"88001234567", "+78001234567", "RU", TollFree, National},
		{"8104930123456", "+4930123456", "DE", Fixed, International},
		{"98104930123456", "+4930123456", "DE", Fixed, International},
		{"112", "", "RU", EmergencyType, Emergency},
		{"9112", "", "RU", EmergencyType, Emergency},
	}},
}
