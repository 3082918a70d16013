# This is SnappyMail sieve script.
# Please don't change anything here.
# RAINLOOP:SIEVE

require ["fileinto"];

/*
BEGIN:FILTER:6a1f0c2e
BEGIN:HEADER
eyJJRCI6ICI2YTFmMGMyZSIsICJFbmFibGVkIjogdHJ1ZSwgIk5hbWUiOiAiSW52b2ljZXMiLC
AiQ29uZGl0aW9ucyI6IFt7IkZpZWxkIjogIlN1YmplY3QiLCAiVHlwZSI6ICJDb250YWlucyIs
ICJWYWx1ZSI6ICJpbnZvaWNlIn1dLCAiQ29uZGl0aW9uc1R5cGUiOiAiQW55IiwgIkFjdGlvbl
R5cGUiOiAiTW92ZVRvIiwgIkFjdGlvblZhbHVlIjogIkludm9pY2VzIiwgIlN0b3AiOiB0cnVl
fQ==
END:HEADER
*/

if header :contains "Subject" "invoice"
{
	fileinto "Invoices";
	stop;
}

/* END:FILTER */

/*
BEGIN:FILTER:b7d93e10
BEGIN:HEADER
eyJJRCI6ICJiN2Q5M2UxMCIsICJFbmFibGVkIjogZmFsc2UsICJOYW1lIjogIk9sZCBuZXdzbG
V0dGVyIiwgIkNvbmRpdGlvbnMiOiBbeyJGaWVsZCI6ICJGcm9tIiwgIlR5cGUiOiAiQ29udGFp
bnMiLCAiVmFsdWUiOiAibmV3c0BzaG9wLmV4YW1wbGUifV0sICJDb25kaXRpb25zVHlwZSI6IC
JBbnkiLCAiQWN0aW9uVHlwZSI6ICJEaXNjYXJkIiwgIkFjdGlvblZhbHVlIjogIiJ9
END:HEADER
*/
/* @Filter is disabled 
if header :contains "From" "news@shop.example"
{
	discard;
}
*/
/* END:FILTER */

/*
BEGIN:FILTER:c0ffee42
BEGIN:HEADER
eyJJRCI6ICJjMGZmZWU0MiIsICJFbmFibGVkIjogdHJ1ZSwgIk5hbWUiOiAiQnJcdTAwZmNkZX
IgJiBTY2h3ZXN0ZXJuIiwgIkNvbmRpdGlvbnMiOiBbeyJGaWVsZCI6ICJGcm9tIiwgIlR5cGUi
OiAiRXF1YWxUbyIsICJWYWx1ZSI6ICJtdW1AZXhhbXBsZS5uZXQifSwgeyJGaWVsZCI6ICJGcm
9tIiwgIlR5cGUiOiAiRXF1YWxUbyIsICJWYWx1ZSI6ICJkYWRAZXhhbXBsZS5uZXQifV0sICJD
b25kaXRpb25zVHlwZSI6ICJBbnkiLCAiQWN0aW9uVHlwZSI6ICJGb3J3YXJkIiwgIkFjdGlvbl
ZhbHVlIjogImZhbWlseUBleGFtcGxlLm9yZyIsICJLZWVwIjogdHJ1ZX0=
END:HEADER
*/

if anyof(
	address :is "From" "mum@example.net",
	address :is "From" "dad@example.net"
)
{
	redirect "family@example.org";
	keep;
}

/* END:FILTER */
