# A text: string whose final line with a single "." is missing.
if header :contains "subject" text:
urgent
{
    keep;
}
