// A plain Node.js script (Node 20+), outside n8n: npm i n8n-nodes-imagekit, then
// IMAGEKIT_PRIVATE_KEY=private_… IMAGEKIT_URL_ENDPOINT=https://ik.imagekit.io/your_id node client-script.js
const { ImageKit, ImageKitApiError } = require('n8n-nodes-imagekit');

const imagekit = new ImageKit({
	privateKey: process.env.IMAGEKIT_PRIVATE_KEY,
	urlEndpoint: process.env.IMAGEKIT_URL_ENDPOINT,
});

async function main() {
	const url = imagekit.url({
		path: '/reports/q1.png',
		transformation: [{ width: 300 }],
		signed: true,
		expireSeconds: 600,
	});
	const uploaded = await imagekit.upload({
		file: Buffer.from('Hello from a script'),
		fileName: 'hello.txt',
		folder: '/scripts/',
		tags: ['script'],
	});
	const files = await imagekit.listFiles({ path: '/scripts/' });
	let missing = null;
	try {
		await imagekit.getFileDetails('598821f949c0a938d57563bd'); // no such file
	} catch (error) {
		if (!(error instanceof ImageKitApiError)) throw error;
		missing = { status: error.status, message: error.message };
	}
	console.log(JSON.stringify({ url, uploaded: uploaded.filePath, files: files.length, missing }));
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
