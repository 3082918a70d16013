require "fileinto";

# rule:[Brackets ] and \\ backslash\r\nand a line break] id=r1
if header :contains "subject" "say \"hi\"" {
    fileinto "Quotes \\ and \"more\"";
}

# rule:[Café ✓] id=r2
if header :contains "subject" "Grüße" {
    fileinto "Entwürfe";
}
