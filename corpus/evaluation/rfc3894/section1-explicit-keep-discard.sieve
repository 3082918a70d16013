# RFC 3894 §1: "the discard is ineffective against the explicit keep;
# the discarded message still ends up in the user's inbox": discard only
# cancels the implicit keep (RFC 5228 §4.4).
require "fileinto";
fileinto "unfiltered";
keep;

if header "Subject" "MAKE MONEY FAST!!!"
{
        discard;
}
