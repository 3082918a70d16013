require "fileinto";
if envelope :is "from" "boss@example.com" {
    fileinto "Boss";
}
