# Only a # comment may follow "text:" on its line.
if header :contains "subject" text: urgent
.
{
    keep;
}
